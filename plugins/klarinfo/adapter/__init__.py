"""The only part of klarinfo that knows MkDocs: it turns MkDocs events into core calls."""
