"""What the apps announce to core: stage features, audit actions, demo loaders.

Each app fills these from its own `registration` module (collected at start-up), so
that core can answer questions about features it does not know by name.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class StageFeatures:
    """What a kind of stage allows, as data: which contribution kinds may be added or promoted."""

    contribute: tuple[str, ...] = ()
    promote: tuple[str, ...] = ()
    description: str = ""


@dataclass
class Registry:
    stage_features: dict[str, StageFeatures] = field(default_factory=dict)
    audit_actions: dict[str, str] = field(default_factory=dict)
    demo_loaders: list[tuple[int, Callable]] = field(default_factory=list)

    def features_of(self, stage_kind: str) -> StageFeatures:
        return self.stage_features.get(stage_kind, StageFeatures())


registry = Registry()


def register_stage_kind(kind: str, **features) -> None:
    registry.stage_features[kind] = StageFeatures(**features)


def register_audit_actions(actions: dict[str, str]) -> None:
    registry.audit_actions.update(actions)


def register_demo(order: int):
    """Decorator: `loader(municipality, stdout)` fills the demo town; lower orders run first."""

    def decorator(loader):
        registry.demo_loaders.append((order, loader))
        registry.demo_loaders.sort(key=lambda pair: pair[0])
        return loader

    return decorator
