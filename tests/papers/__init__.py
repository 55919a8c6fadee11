"""Tests that read every paper back as a reader would, and the helpers they share."""
