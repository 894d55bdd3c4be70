package vn.ideabank.org;

import java.util.List;

/** A unit with its visible children, for rendering the tree. */
public record UnitNode(UnitView unit, List<UnitNode> children) {
}
