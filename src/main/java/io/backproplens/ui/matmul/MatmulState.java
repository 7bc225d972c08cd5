package io.backproplens.ui.matmul;

/** The stepper's state as a scene file keeps it: matrices as typed ({@code "1,2,1;0,1,0;2,3,4"}), variant and step. */
public record MatmulState(String a, String b, String variant, int step) {}
