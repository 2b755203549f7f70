"""Funds (经费): a period's budget by the fee rules, spending, fees received, budget against actual."""
