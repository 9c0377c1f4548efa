last_updated = { "Updated
