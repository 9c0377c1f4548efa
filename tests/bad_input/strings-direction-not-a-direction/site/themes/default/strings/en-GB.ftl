direction = up
