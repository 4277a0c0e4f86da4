"""Agents and teams of the synthetic contact centre (what QMS's directory import would hold)."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass

_TEAM_NAMES = ("Sales", "Support", "Billing", "Retention", "Collections", "VIP", "Technical", "Onboarding")
_FIRST = (
    "Olena",
    "Andrii",
    "Iryna",
    "Taras",
    "Natalia",
    "Oleksandr",
    "Kateryna",
    "Dmytro",
    "Sofiia",
    "Maksym",
    "Anna",
    "Bohdan",
    "Yulia",
    "Serhii",
    "Daria",
    "Ivan",
    "Maria",
    "Petro",
    "Viktoriia",
    "Roman",
)
_LAST = (
    "Shevchenko",
    "Kovalenko",
    "Bondarenko",
    "Tkachenko",
    "Kravchenko",
    "Melnyk",
    "Oliinyk",
    "Lysenko",
    "Moroz",
    "Marchenko",
    "Savchenko",
    "Rudenko",
    "Petrenko",
    "Kuzmenko",
    "Pavlenko",
    "Ponomarenko",
)


@dataclass(frozen=True, slots=True)
class Team:
    team_id: str
    name: str

    @property
    def queue(self) -> str:
        return f"CSQ_{self.name}"


@dataclass(frozen=True, slots=True)
class Agent:
    agent_id: str
    name: str
    extension: str
    team: Team

    def to_dict(self) -> dict[str, str]:
        return {
            "agent_id": self.agent_id,
            "name": self.name,
            "extension": self.extension,
            "team": self.team.team_id,
            "team_name": self.team.name,
        }


@dataclass(frozen=True, slots=True)
class Directory:
    agents: tuple[Agent, ...]
    teams: tuple[Team, ...]

    @classmethod
    def generate(cls, seed: int, n_agents: int) -> Directory:
        n_agents = max(2, min(n_agents, 8999))
        n_teams = max(2, min(len(_TEAM_NAMES), n_agents // 8))
        teams = tuple(Team(f"T{i + 1}", _TEAM_NAMES[i]) for i in range(n_teams))
        rng = random.Random(f"agents:{seed}")
        agents = []
        for i in range(n_agents):
            name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            agents.append(Agent(f"A{1001 + i}", name, str(1001 + i), teams[i % n_teams]))
        return cls(tuple(agents), teams)

    def to_csv(self) -> str:
        """Directory import format: `agent_id,name,extension,team`."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["agent_id", "name", "extension", "team"])
        for a in self.agents:
            writer.writerow([a.agent_id, a.name, a.extension, a.team.team_id])
        return out.getvalue()
