"""统计: the statistics page and its exports."""
