"""A MediaSense look-alike HTTP(S) server for the demo and for tests over real sockets.

Profiles `cisco`, `spec` and `legacy` follow docs/wire-shapes.md. The simulator never imports
`qms_desktop.mediasense`: it writes the wire format itself, so tests check the client against an
independent reading of the contract. No Qt here.
"""

from qms_desktop.simulator.clock import SimClock
from qms_desktop.simulator.faults import KNOBS as FAULT_KNOBS
from qms_desktop.simulator.faults import Faults, Stats, parse_faults
from qms_desktop.simulator.runner import (
    RunningSimulator,
    SimulatorConfig,
    build_simulator,
    start_simulator,
    start_simulator_async,
)

__all__ = [
    "FAULT_KNOBS",
    "Faults",
    "RunningSimulator",
    "SimClock",
    "SimulatorConfig",
    "Stats",
    "build_simulator",
    "parse_faults",
    "start_simulator",
    "start_simulator_async",
]
