last_updatd = Updated
