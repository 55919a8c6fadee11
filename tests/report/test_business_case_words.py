"""The business cases in a council finance officer's words (#14 E1-E8): a milestone's
standing and what holds it up, one sentence where a row would be empty, a cost that says
what it covers, the approval said with when and by whom, and the equality, quality-assurance
and exceptions sections as a council writes them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psptool import validate
from psptool.model import Project
from psptool.report.papers.business_case import business_case
from psptool.report.papers.business_case.governance import governance_record
from tests.helpers import EXAMPLE
from tests.papers.folders import SPARSE_AS_OF, sparse_folder

EXAMPLE_AS_OF = date(2011, 6, 30)


def _sparse(tmp_path: Path, **changes: str) -> Project:
    folder = sparse_folder(tmp_path / "sparse")
    for name, text in changes.items():
        (folder / name).write_text(text, encoding="utf-8")
    checked = validate(folder, SPARSE_AS_OF, find=False)
    assert checked.result is not None
    return checked.result.project


def _example() -> Project:
    checked = validate(EXAMPLE, EXAMPLE_AS_OF, find=False)
    assert checked.result is not None
    return checked.result.project


def test_a_milestone_due_before_its_dependency_is_held_up(tmp_path: Path) -> None:
    """Sparse M2 (due 30 September 2026) depends on M1 (due 31 December 2026): as at 30 June
    2026 it is held up, not "due next period"; M1 is held up by the pilot it needs."""
    case = business_case(_sparse(tmp_path), SPARSE_AS_OF, "outline")
    assert [(m.id, m.status, m.depends_on) for m in case.plan.milestones] == [
        # M1 (31 December 2026) is before a 12-month pilot can end (20 August 2027)
        ("M1", "Held up", ""),
        ("M2", "Held up", "Full business case agreed"),
    ]
    # the plan cannot be kept as drawn: the note says so, and the case asks to re-plan it
    assert case.plan.notes == (
        "‘Full business case agreed’ is held up: due on 31 December 2026, but it needs a "
        "12-month pilot, which cannot end before 20 August 2027.",
        "‘Tender for respite services published’ is due on 30 September 2026, before ‘Full "
        "business case agreed’ (due on 31 December 2026), which it depends on: it needs "
        "re-planning.",
    )
    assert case.recommendations[-2:] == (
        # no pilot dates: 12 months from 21 August 2026, after this case's sign-off
        "Agree the next steps: Full business case agreed, due by 31 December 2026 but held up "
        "until a 12-month pilot, which cannot end before 20 August 2027.",
        "Re-plan ‘Tender for respite services published’: it depends on ‘Full business "
        "case agreed’, expected on 20 August 2027, but is due before it, on 30 September 2026.",
    )
    # in the full case the milestone it depends on is this paper's own
    full = business_case(_sparse(tmp_path), SPARSE_AS_OF, "full")
    assert full.recommendations[-1] == (
        "Re-plan ‘Tender for respite services published’: it depends on this full business "
        "case, expected on 20 August 2027, but is due before it, on "
        "30 September 2026."
    )
    assert not any(r.startswith("Agree the next steps") for r in full.recommendations)


def test_a_milestone_forecast_late_says_when_it_is_now_expected(tmp_path: Path) -> None:
    """M1, due 20 June 2026, is not done by 30 June: late, 10 days ago, and forecast for the
    as-of date. M2 (due 1 July) follows it by its own 11 days from M1's due date: forecast for
    11 July, 10 days late."""
    milestones = (
        "milestones:\n"
        "  - {id: M1, title: Referral route agreed, due: 2026-06-20, owner: council}\n"
        "  - {id: M2, title: Booking line opens, due: 2026-07-01, owner: council,"
        " depends_on: [M1]}\n"
    )
    case = business_case(
        _sparse(tmp_path, **{"milestones.yaml": milestones}), SPARSE_AS_OF, "outline"
    )
    assert [(m.id, m.status, m.forecast) for m in case.plan.milestones] == [
        ("M1", "Late", "30 June 2026"),
        ("M2", "Forecast late", "11 July 2026"),
    ]
    assert case.plan.notes == (
        # the titles quoted where they run into the sentence (#14 R3)
        "‘Referral route agreed’ is late: due on 20 June 2026, 10 days ago.",
        "‘Booking line opens’ is forecast late: due on 1 July 2026, now expected on 11 July "
        "2026 (10 days late).",
    )
    assert case.recommendations[-1] == (
        "Agree the next steps: Referral route agreed, due by 20 June 2026 and not yet done; "
        "Booking line opens, due by 1 July 2026 but forecast for 11 July 2026."
    )


def test_entries_without_actions_are_named_once_below_their_table(tmp_path: Path) -> None:
    """By title, once: below the management case's open risks and issues (their home), not
    again under the strategic risks or the evaluation's issues."""
    case = business_case(_sparse(tmp_path), SPARSE_AS_OF, "full")
    assert [r.mitigation for r in case.management.risks] == ["–", "–"]
    # each by its type, its title quoted where it runs into the sentence (#14 R3)
    assert case.management.no_actions == (
        "No actions are recorded yet for the risk ‘Respite places run out in the winter’ or "
        "the issue ‘Referrals from GP practices are slow’."
    )
    assert case.strategic.risks_note == case.evaluation.no_actions == ""
    assert case.strategic.assumptions_note == case.strategic.dependencies_note == ""
    assert case.options.unlinked == (
        "The RAID log does not yet record a risk against any of the options."
    )
    # the example's entries all have actions: no sentence
    example = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert example.management.no_actions == example.strategic.risks_note == ""


def test_a_goal_with_nothing_set_is_a_sentence_not_a_row(tmp_path: Path) -> None:
    case = business_case(_sparse(tmp_path), SPARSE_AS_OF, "outline")
    assert [g.id for g in case.goals] == ["G1"]
    assert case.goal_rows == ()
    assert case.goals_unset == (
        "The partners have not yet set a measure, baseline, target, date or owner for More "
        "carers get a regular break."
    )
    example = business_case(_example(), EXAMPLE_AS_OF, "outline")
    assert len(example.goal_rows) == 6 and example.goals_unset == ""


def test_the_preference_is_credited_to_the_meeting_not_its_decision_id(
    tmp_path: Path,
) -> None:
    case = business_case(_sparse(tmp_path), SPARSE_AS_OF, "outline")
    assert case.options.summary.endswith(
        "The Partnership Board chose it at its meeting on 14 May 2026."
    )
    assert "D1" not in case.options.summary


def test_one_meeting_held_is_said_once(tmp_path: Path) -> None:
    record = governance_record(_sparse(tmp_path), SPARSE_AS_OF)
    assert record.meetings_summary == (
        "The Partnership Board met once, on 14 May 2026, and took one decision."
    )


def test_an_approval_says_when_where_and_by_whom() -> None:
    """The example's outline case: every partner signed on 24 September 2010, at the PSP
    Governance Group."""
    case = business_case(_example(), EXAMPLE_AS_OF, "outline")
    assert case.document.version == "1.0"
    assert case.document.status == (
        "Approved by every partner at the PSP Governance Group on 24 September 2010, each "
        "signing through an officer at Director level or above. This is the approved version "
        "1.0, as the partnership's records stood that day; it asks for no further approval."
    )
    assert case.decisions == (
        "By 24 September 2010 every partner had approved this outline business case. With it "
        "the partners:"
    )
    assert all(not r.startswith(("Approve ", "Agree ", "Note ")) for r in case.recommendations)


def test_the_financial_recommendation_gives_the_headline_npsv() -> None:
    case = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert (
        "Note the financial case (section 8): the preferred option's net present social value "
        "against doing nothing, the appraisal's headline, is £627,294."
    ) in case.recommendations


def test_equality_quality_and_exceptions_as_a_council_writes_them(tmp_path: Path) -> None:
    sparse = business_case(_sparse(tmp_path), SPARSE_AS_OF, "outline")
    assert sparse.equality == (
        "Has an equality impact assessment been undertaken? Not yet. The partners are to "
        "complete one before they decide on the service, to have due regard to the public "
        "sector equality duty (Equality Act 2010, section 149)."
    )
    assert sparse.quality == ()
    assert sparse.no_quality == (
        "No quality-assurance review of this outline business case is recorded yet."
    )
    assert sparse.no_exceptions == (
        "This outline business case declares no exception to the partners' own rules, such as "
        "a waiver of contract standing orders or a direct award."
    )
    example = business_case(_example(), EXAMPLE_AS_OF, "outline")
    assert example.equality.startswith(
        "Has an equality impact assessment been undertaken? Yes, completed on 10 September "
        "2010. It found no adverse impact"
    )
    assert example.no_quality == ""


def test_a_review_without_an_outcome_says_where_it_stands(tmp_path: Path) -> None:
    psp = (sparse_folder(tmp_path / "psp") / "psp.yaml").read_text(encoding="utf-8")
    psp += (
        "quality_assurance:\n"
        "  - {reviewer: Riverside Council Finance, date: 2026-06-12}\n"
        "  - {reviewer: Riverside Council Legal}\n"
        "exceptions: [A direct award of the booking line contract to Carers Trust Riverside]\n"
    )
    case = business_case(_sparse(tmp_path, **{"psp.yaml": psp}), SPARSE_AS_OF, "outline")
    assert [(q.reviewer, q.date, q.outcome) for q in case.quality] == [
        ("Riverside Council Finance", "12 June 2026", "Outcome not yet reported"),
        ("Riverside Council Legal", "Not dated", "Review under way"),
    ]
    assert case.no_quality == case.no_exceptions == ""
    assert case.exceptions == (
        "A direct award of the booking line contract to Carers Trust Riverside",
    )


def test_two_costs_of_one_option_each_say_what_they_are() -> None:
    """O3's costs by year are for its set-up and running (the notes of its cost lines); its
    estimated cost, £1,300,000, is the annual cost of the placements (`cost_covers`). The
    section that counts them is the options appraisal, section 4 of the full case (neither
    paper has a section called the economic case). Year 0 is 2010/11, so the cumulative net
    position, −£71,500 after year 1 and +£49,750 after year 2, is in credit from 2012/13."""
    case = business_case(_example(), EXAMPLE_AS_OF, "full")
    summary = case.financial.summary
    assert summary.startswith(
        "Over years 0 to 5 (2010/11 to 2015/16) the preferred option's capital and revenue "
        "costs, as the options appraisal (section 4) counts them, come to £286,500"
    )
    assert "not discounted, in credit from 2012/13." in summary
    assert summary.endswith(
        "The option's estimated cost of £1,300,000 is a different figure: the annual cost of "
        "external foster placements under the option."
    )
    # the executive summary names what they pay for; the financial case labels each below
    # its table: the year 0 capital line, the year 0 revenue line, and year 1's note carried
    # on through years 2 to 5, £25,000 each
    assert case.summary.financial.startswith(
        "Over years 0 to 5 (2010/11 to 2015/16) the preferred option's capital and revenue "
        "costs (a shared outcome-monitoring system; lead officer, procurement, training, carers' "
        "expenses; contract and outcome monitoring), as the options appraisal (section 4) "
        "counts them, come to £286,500"
    )
    assert case.financial.costs_for == (
        "What the costs pay for: in year 0 (2010/11), £30,000 of capital for a shared "
        "outcome-monitoring system and £85,000 of revenue for lead officer, procurement, "
        "training, carers' expenses; in years 1 to 5 (2011/12 to 2015/16), £25,000 a year of "
        "revenue for contract and outcome monitoring."
    )


def test_the_funding_is_set_against_the_cost_it_pays_for() -> None:
    """The placements budget (F1, £1,300,000, engaged, pays_for: service) pays for the
    placements, not O3's appraised costs; those still to fund are years 1 to 5, 2011/12 to
    2015/16, £25,000 a year for contract and outcome monitoring: 5 × 25,000 = £125,000, with
    nothing committed or engaged against them, so a shortfall of £125,000. F1's budget is set
    on 16 February 2012, in 2011/12, so it funds 2012/13. F3's £8,000 is in kind."""
    case = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert case.service.funding == (
        "the £25,000 a year (£125,000, 2011/12 to 2015/16) for contract and outcome monitoring "
        "has no committed or engaged funding; the £1,300,000 for external foster placements "
        "in 2012/13 is engaged, with the budget decision on 16 February 2012; support in kind "
        "worth £8,000 comes from IRISS and CCPS"
    )
    # F1 funds 2012/13 only and the appraisal's years run to 2015/16, so the summary says
    # what 8.1's note says: nothing for the placements from 2013/14 onward
    assert case.summary.affordability == (
        "Affordability: the £25,000 a year (£125,000, 2011/12 to 2015/16) for contract and "
        "outcome monitoring has no committed or engaged funding, a shortfall of £125,000; the "
        "£1,300,000 for external foster placements in 2012/13 is engaged, with the budget "
        "decision on 16 February 2012. No funding is committed or engaged for external foster "
        "placements from 2013/14 onward (the appraisal runs to 2015/16)."
    )
    # the outline's summary has no affordability sentence: the outline has no such table
    outline = business_case(_example(), EXAMPLE_AS_OF, "outline")
    assert outline.summary.affordability == ""
    # the engaged column against these costs is nil, and the placements budget is on a line
    # of its own below the table
    assert [r.engaged for r in case.financial.affordability] == ["£0"] * 5
    assert (
        "Falkirk Council Social Work Services (external foster placements budget): £1,300,000 "
        "for external foster placements, 2012/13, engaged, with the budget decision on "
        "16 February 2012. It pays for the running of the service, the option's estimated "
        "cost (the annual cost of external foster placements under the option), not the "
        "costs above, so the table leaves it out." in case.financial.affordability_notes
    )
    # no row is Nil, so the note on the table does not explain the word
    assert case.financial.affordability_nil is False


def test_the_closed_years_say_the_overspend_and_what_the_appraisal_counts() -> None:
    """2009/10 planned 3,800, spent 3,850; 2010/11 planned 34,600, spent 34,750: 38,400
    planned, 38,600 spent, 200 over plan, 200 / 38,400 = 0.52%, said "0.5% over plan
    (£200)" as the highlight report says it. Year 0 of the appraisal is 2010/11 (2009/10 is
    before it): 30,000 capital + 85,000 revenue = £115,000, estimates, not the budget."""
    case = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert case.financial.affordability_closed == (
        "2009/10 and 2010/11 have closed, so the table leaves them out. The partnership's "
        "budget planned £38,400 for them and £38,600 was spent, 0.5% over plan (£200). In the "
        "appraisal, year 0 is 2010/11: the preferred option's costs for it, £115,000, are the "
        "appraisal's estimates of what the option costs, not spending from the partnership's "
        "budget."
    )


def test_each_future_funder_says_what_it_covers_and_when() -> None:
    """F1 £1,300,000 for external foster placements, budget set 16 February 2012, so for
    2012/13; F3 is in kind: it needs no budget decision."""
    case = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert [(f.amount, f.budget_cycle) for f in case.service.funders] == [
        ("£1,300,000 for external foster placements, 2012/13", "16 February 2012"),
        ("£40,000 for educational support for children in placements, 2012/13", "16 February 2012"),
        ("£8,000 for outcome-monitoring support", "Not needed: in kind"),
    ]


def test_the_pilot_still_running_is_being_tested(tmp_path: Path) -> None:
    """As at 30 June 2011 the pilot (1 October 2010 to 30 September 2011) is running."""
    case = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert (case.service.piloted, case.service.piloting) == (True, True)
    # the Governance Group meets on 23 September 2011 (meetings.yaml, planned, the full
    # business case on its agenda), a week before the evaluation ends (#14 R3)
    assert case.evaluation.interim == (
        "These findings are interim, as at 30 June 2011: the evaluation runs to 30 September "
        "2011, after the partners are to sign this case off on 23 September 2011, so they sign "
        "it on interim findings."
    )
    later = business_case(_example(), date(2011, 10, 31), "full")
    assert (later.service.piloted, later.service.piloting) == (True, False)
    assert later.evaluation.interim == ""


# the reviewers' round (#14, words outside the money) ---------------------------------------


def test_counts_in_running_text_are_words_up_to_nine() -> None:
    from psptool.report.wording import agree, counted, in_words

    assert [in_words(n) for n in (0, 1, 9, 10, 1500)] == ["none", "one", "nine", "10", "1,500"]
    assert counted(1, "decision") == "one decision"
    assert counted(2, "weighted criterion", "weighted criteria") == "two weighted criteria"
    assert counted(12, "benefit") == "12 benefits"
    assert agree(6, "is behind", "are behind") == "six are behind"


def test_approval_waits_on_the_equality_impact_assessment(tmp_path: Path) -> None:
    """The sparse folder has no assessment: the case says it is to be done before the
    partners decide (section 7.7 of the outline), so the approval it asks for waits on it; the
    example's was completed on 10 September 2010, so its approval does not."""
    outline = business_case(_sparse(tmp_path), SPARSE_AS_OF, "outline")
    assert outline.recommendations[0] == (
        "Approve Shared respite booking line as the preferred option to pilot, once the "
        "equality impact assessment is complete (section 7.7): it scored 80 out of 100 in the "
        "options appraisal (section 4)."
    )
    full = business_case(_sparse(tmp_path / "full"), SPARSE_AS_OF, "full")
    # no pilot has run in the sparse folder (no pilot dates, no pilot milestone done): the
    # full case asks for none of the approval, only the pilot first (#14 R3)
    assert full.recommendations[1] == (
        "Agree to pilot Shared respite booking line first: this full business case is not "
        "ready for approval until a pilot has run and been evaluated."
    )
    assert full.document.status == "Draft: not ready for approval, as no pilot has run yet."
    assert not [r for r in full.recommendations if r.startswith("Approve")]
    example = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert example.recommendations[0] == (
        "Approve Multi-provider framework agreement with outcome-based monitoring as the "
        "service model to sustain after the pilot."
    )


def test_the_outline_cases_sign_off_is_said_in_the_purpose_and_noted(tmp_path: Path) -> None:
    """Sparse: no partner has signed the outline off; the board's meeting of 20 August 2026
    (SG-2) has it on its agenda. Example: every partner signed on 24 September 2010."""
    sparse = business_case(_sparse(tmp_path), SPARSE_AS_OF, "full")
    assert sparse.summary.proposal.endswith(
        # no pilot has run: the case is not ready to sign off (#14 R3)
        "It is not ready for the partners to sign off until a pilot has run. The outline "
        "business case is not yet signed off; its sign-off is planned for 20 August 2026."
    )
    assert sparse.recommendations[0] == (
        "Note that the outline business case is not yet signed off (planned 20 August 2026)."
    )
    example = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert example.summary.proposal.endswith(
        "The outline business case was signed off by every partner on 24 September 2010."
    )
    assert not [r for r in example.recommendations if "outline business case" in r]


def test_the_full_cases_route_already_decided_is_noted_not_asked(tmp_path: Path) -> None:
    """sustainability.yaml's route_decision is D10, taken by the PSP Governance Group on 24
    June 2011: "Go to tender for a framework agreement in November 2011"."""
    case = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert case.recommendations[1].startswith(
        "Note that the PSP Governance Group agreed on 24 June 2011 to go to tender for a "
        "framework agreement in November 2011, securing the service through procurement (a "
        "contract let by competitive tender); its funding is in section 1.4."
    )
    # before the meeting the decision was not yet taken: the case asks for it
    before = business_case(_example(), date(2011, 6, 23), "full")
    assert before.recommendations[1].startswith(
        "Agree to secure the service through procurement (a contract let by competitive tender)"
    )


def test_every_person_named_is_given_with_their_role(tmp_path: Path) -> None:
    """E. Grant (Head of Children's Services, Falkirk Council) owns M2, R5 and R6 and a
    communications line: the governance section says who she is. The sparse folder names
    B. Manager (R1's owner) and no one else by name."""
    case = business_case(_example(), EXAMPLE_AS_OF, "full")
    named = {p.name: (p.title, p.organisation) for p in case.management.people}
    assert named["E. Grant"] == ("Head of Children's Services", "Falkirk Council")
    assert named["F. Watt"] == ("Registered Manager", "Fosterplus")
    # the Operational Group's members (psp.yaml) and the signatories are named too (#14 R3):
    # C. Wallace is a member, T. Munro Care Visions' signatory; the title loses its
    # trailing ", Barnardo's Scotland" beside the organisation
    assert named["C. Wallace"] == ("Fostering Service Manager", "Care Visions")
    assert named["Y. Young"] == ("Registered Manager", "JMT Fostering")
    assert named["T. Munro"] == ("Director of Fostering Services", "Care Visions")
    assert named["O. Sinclair"] == ("Director of Children's Services", "Barnardo's Scotland")
    assert len(named) == 21  # every person partners.yaml lists: 7 + 2 × 7
    sparse = business_case(_sparse(tmp_path), SPARSE_AS_OF, "full")
    # the project manager, and the two signatories in the sign-off table
    assert [(p.name, p.title, p.organisation) for p in sparse.management.people] == [
        ("A. Director", "Director of Adult Services", "Riverside Council"),
        ("B. Manager", "Project Manager", "Riverside Council"),
        ("C. Chief", "Chief Executive", "Carers Trust Riverside"),
    ]


def test_an_action_the_governance_group_took_is_done() -> None:
    """R7's action "Agree that the evaluation weighs outcomes and process learning as well as
    volume" is what the Governance Group decided on 24 June 2011 (D9): done that day, so the
    issue's open action is only the placement report."""
    project = _example()
    (r7,) = [r for r in project.risks.risks if r.id == "R7"]
    agreed = r7.actions[-1]
    assert (agreed.done, agreed.completed) == (True, date(2011, 6, 24))
    case = business_case(project, EXAMPLE_AS_OF, "full")
    (issue,) = [r for r in case.evaluation.issues if r.open]
    assert issue.mitigation == "Report placement numbers by provider to every Operational Group"


def test_the_benefits_all_amber_say_so_plainly() -> None:
    case = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert case.summary.benefits_progress == (
        "All eight benefits are amber: each is behind a straight-line path to its target by no "
        "more than a quarter of the distance from baseline to target."
    )


def test_a_closed_entry_has_no_rating_and_its_actions_one_a_line() -> None:
    """R2 (closed 14 May 2010) shows "–" in RAG, the Status column saying it is closed; an
    entry with several open actions lists them one a line, not run together with "; "
    (#14 R3). R5 (risks.yaml) has two open actions."""
    case = business_case(_example(), EXAMPLE_AS_OF, "outline")
    r2 = next(r for r in case.strategic.risks if r.id == "R2")
    assert (r2.rag, r2.status) == ("–", "Closed 14 May 2010")
    r5 = next(r for r in case.management.risks if r.id == "R5")
    # each of several begun with a bullet, so a wrapped line does not run on into the next
    assert r5.mitigation == (
        "• Model placement demand and cost for 2012/13 budget setting\n"
        "• Brief elected members on the savings evidence from the pilot"
    )


def test_the_summary_gives_the_appraisal_s_headline_not_the_appraisal_again() -> None:
    """Section 1.2 gave section 4.3's paragraph again word for word (#14 R3): now its
    headline, the options scored and the preferred one's score (options.yaml: four options,
    five criteria; O2 scores 78), pointing to 4.3 for the rest; 4.3 keeps the reasons."""
    case = business_case(_example(), EXAMPLE_AS_OF, "full")
    assert case.summary.appraisal == (
        "The partners scored four options, including doing nothing, against five weighted "
        "criteria. The preferred option is Multi-provider framework agreement with "
        "outcome-based monitoring, which scored 78 out of 100, the highest score. Section 4.3 "
        "gives the appraisal in full."
    )
    assert "The partners prefer it because" in case.options.summary
    assert "The partners prefer it because" not in case.summary.appraisal
