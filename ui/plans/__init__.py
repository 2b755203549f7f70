"""计划: the plans page, the plan editor and its outline."""
