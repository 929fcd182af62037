"""Placeholder: resolved later."""
def resolve(drafts, doc, text):
    return drafts
