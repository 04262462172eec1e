"""The PDF file: written atomically, finished for press (CMYK, marks, padding), imposed, proofed."""
