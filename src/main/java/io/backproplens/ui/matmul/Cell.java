package io.backproplens.ui.matmul;

/** One cell of a matrix on screen, by row and column (from 0). */
public record Cell(int r, int c) {}
