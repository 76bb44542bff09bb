"""Talk-track plays judged against the demo generator's ground truth (``python -m evals.talk_tracks.run``)."""
