from psptool.analysis.goals import analyse_goals
from psptool.analysis.stakeholders import map_stakeholders, quadrant
from tests.analysis.helpers import project


def test_quadrants() -> None:
    assert quadrant(3, 3) == "manage closely"
    assert quadrant(2, 5) == "keep satisfied"
    assert quadrant(5, 2) == "keep informed"
    assert quadrant(1, 1) == "monitor"
    assert quadrant(None, 4) is None


def test_map_and_who_is_not_reached() -> None:
    p = project(
        stakeholders={
            "stakeholders": [
                {"id": "carers", "name": "Carers", "interest": 5, "influence": 3},
                {"id": "members", "name": "Members", "interest": 2, "influence": 5},
                {"id": "public", "name": "Public", "interest": 1, "influence": 1},
                {"id": "press", "name": "Press"},
            ],
            "communications": [
                {"id": "C1", "audience": ["carers", "members"]},
                {"id": "C2", "audience": ["carers"]},
            ],
        }
    )
    smap = map_stakeholders(p)
    assert [(s.id, s.quadrant, s.communications) for s in smap.stakeholders] == [
        ("carers", "manage closely", ["C1", "C2"]),
        ("members", "keep satisfied", ["C1"]),
        ("public", "monitor", []),
        ("press", None, []),
    ]
    assert smap.unreached == ["public", "press"]
    assert smap.in_quadrant("manage closely") == ["carers"]


def test_smart_verdicts() -> None:
    p = project(
        goals={
            "goals": [
                {
                    "id": "G1",
                    "title": "Local",
                    "measure": "share",
                    "baseline": 40,
                    "target": 75,
                    "unit": "%",
                    "due": "2026-11-30",
                    "owner": "x",
                    "relevance": "plan",
                },
                {"id": "G2", "title": "Better lives"},
            ]
        },
        benefits={"benefits": [{"id": "B1", "title": "b", "goal": "G2"}]},
    )
    g1, g2 = analyse_goals(p).goals
    assert g1.smart and g1.reasons == {}
    assert g2.letters == {"S": False, "M": False, "A": False, "R": True, "T": False}
    assert g2.reasons == {
        "S": "no measure says what will change",
        "M": "no measure, baseline, target, unit",
        "A": "no owner",
        "T": "no due date",
    }
    assert analyse_goals(p).smart_count == 1
