"""Who is who: the names reports and papers print where the folder has a partner's or a
person's id."""

from __future__ import annotations

from ..model import Partner, Project


def owner_names(project: Project, *, with_partner: bool = False) -> dict[str, str]:
    """Partners' and people's names by id, so a report says who rather than an id.

    A partner reads as its name (`Falkirk Council`), a person as theirs (`L. Baird`); with
    `with_partner`, a person is followed by their partner (`L. Baird (Falkirk Council)`), as
    the MoU names the people in its roles and groups. Partners and people share one
    namespace of ids (`Project.owner_ids`), so one map serves every `owner`.
    """
    names = {partner.id: partner.name for partner in project.partners.partners}
    for pid, (person, partner_id) in project.people().items():
        names[pid] = f"{person.name} ({names[partner_id]})" if with_partner else person.name
    return names


def partners_lead_first(project: Project) -> list[Partner]:
    """The partners as papers list them: the lead partner first, then the others by name."""
    return sorted(project.partners.partners, key=lambda p: (not p.lead, p.name.lower()))


def role_label(project: Project, role: str, person: str | None) -> str:
    """A role as a paper's table names it: as the partnership writes the person's own title
    when that title is the role ("Project Manager"), else the role's label ("Project
    manager")."""
    from ..vocabulary import ROLE_LABELS

    label = ROLE_LABELS.get(role, role)
    found = project.people().get(person or "")
    title = found[0].title if found else None
    return title if title and title.strip().lower() == label.lower() else label
