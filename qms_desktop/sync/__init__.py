"""The sync engine: MediaSense sessions into the store, incrementally and by backfill. No Qt."""
