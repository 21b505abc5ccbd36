"""The language models behind one small interface, their prompts and cached prompt heads."""
