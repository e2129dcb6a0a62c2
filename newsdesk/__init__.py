"""newsdesk: foreign-language news articles -> bilingual English/Italian briefings and site."""

from __future__ import annotations

__version__ = "0.1.0"
