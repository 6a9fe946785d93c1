"""Equation (8): heavy rare earths (Dy, Tb) as a second limit on magnet output.

High-temperature magnets (EV traction, wind) need dysprosium or terbium; a portfolio rich in NdPr
can still be short of them. Deals deliver Dy+Tb oxide through the same separation pooling as their
NdPr (the share of a deal's feed that is separated gives both); with the Dy+Tb bought on the open
market it limits the high-temperature magnets, and with a fixed grade mix the total.
One function per step; all NumPy over years (and deals).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from model.projection import Separated


def deal_dytb(a_dt: np.ndarray, dytb_factor: np.ndarray, separated: Separated) -> np.ndarray:
    """(8) Dy+Tb oxide from each deal: D_d(t) = A_d(t) * g_d * sigma_d(t), where sigma_d is the
    share of the deal's delivery that is separated (equation 4, 1 when it needs none).   (T, D)"""
    if not dytb_factor.any():  # no block has a known Dy+Tb share: nothing to multiply
        return np.zeros_like(a_dt)
    return separated.times(a_dt, dytb_factor)


def dytb_magnets(supply: np.ndarray, dytb_per_magnet: float) -> np.ndarray:
    """(8) M_dytb(t) = Y(t) / n: the high-temperature magnets the Dy+Tb oxide Y(t) allows, with n
    t Dy+Tb oxide per t such magnet (intensity / Dy+Tb oxide-to-metal). Unlimited when n = 0."""
    if dytb_per_magnet <= 0:
        return np.full_like(supply, np.inf)
    return supply / dytb_per_magnet


def dytb_equivalent(m_dytb: np.ndarray, high_temp_share: float) -> np.ndarray:
    """(8) Magnet-equivalent of the Dy/Tb route: total magnets whose high-temperature share h
    the Dy/Tb allows, M_dytb / h; unlimited when h = 0 (no magnet needs Dy/Tb)."""
    if high_temp_share <= 0:
        return np.full_like(m_dytb, np.inf)
    return m_dytb / high_temp_share


def grade_mix_limit(m_ndpr: np.ndarray, dytb_eq: np.ndarray) -> np.ndarray:
    """(8) M(t) = min(M_ndpr(t), M_dytb(t) / h): with a fixed grade mix, a share h of every tonne
    is high-temperature grade, so h * M <= M_dytb, and M <= what the NdPr route allows."""
    return np.minimum(m_ndpr, dytb_eq)


def dytb_need(m_ndpr: np.ndarray, high_temp_share: float, dytb_per_magnet: float) -> np.ndarray:
    """(8) Dy+Tb oxide the NdPr route's magnets would need at the grade mix: h * M_ndpr * n."""
    return m_ndpr * (high_temp_share * dytb_per_magnet)
