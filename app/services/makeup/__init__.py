"""Make-up training (补训) for roll-call classes (点名调训): who must make up and why (items), and the office's
links to make-up periods and waivers (writes)."""
