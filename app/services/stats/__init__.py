"""统计: the year's figures and summaries (statistics), and who in a target group has been trained (coverage)."""
