def test_home_page_shows_the_concept(client, town):
    response = client.get("/")
    assert response.status_code == 200
    assert "Integrationskonzept der Stadt Kornwestheim" in response.content.decode()
