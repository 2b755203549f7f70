"""TrainingDesk's domain, storage, services and command line: plain Python, never Qt."""
