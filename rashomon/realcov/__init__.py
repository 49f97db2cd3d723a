"""The real-coverage benchmark: event folders modelled on real articles (tests/realcov/), labels made by readers
who never saw the detectors, and the scores of the pipeline's real outputs against them (`make eval`)."""
