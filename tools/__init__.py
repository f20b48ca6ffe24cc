"""The few scripts the course needs: running notebooks, building the book,
making exercises, grading, and keeping the pins in step."""
