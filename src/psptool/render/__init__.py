"""Writers: terminal, text, JSON and CI annotations now; docx, xlsx and html later."""
