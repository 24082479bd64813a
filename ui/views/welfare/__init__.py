"""公益性岗位 screens: the tab for office staff and supervisors (welfare_view), its forms (dialogs), and the
small list of a person's placements that the person page embeds (person_pane)."""
