-- purpose: record that story $gone merged into story $into (an article linked them): its articles move there.
update story_articles set story_id = $into where story_id = $gone;
update stories set merged_into = $into, n_articles = 0, n_outlets = 0, updated_at = now() where story_id = $gone
