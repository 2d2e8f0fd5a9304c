"""How the approvals page words a slip's input."""

from __future__ import annotations

from service.web.present import lines


def test_a_slips_input_reads_as_labelled_lines_without_the_workflows_blocks(example):
    shown = dict(lines(example("50-20e")))
    assert shown["Case number"] == "H7K2M58"
    assert shown["Participants 2 › Name"] == "Tobias Yamada"
    assert shown["From EC › Worker number"] == "W3307"
    assert shown["Closed files › Reason"] == "cash aid closed"
    assert shown["Closed files › Discontinuance date"] == "09/30/2026"
    assert shown["Closed files › Checklist › Activities end dated"] == "Yes"
    assert not any(label.startswith(("Supervisor", "Clerical")) for label in shown)
    assert "To EC" not in shown  # null: left out


def test_blank_values_are_left_out_and_false_reads_no():
    assert lines({"a": "", "b": None, "c": [], "d": False}) == [("D", "No")]
