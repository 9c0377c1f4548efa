index_version = Version { $version }, from { $nonsense }
