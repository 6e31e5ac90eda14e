/**
 * The current visitor as application code sees it: {@link dev.cxp.visitor.CxpVisitor}, a controller argument and
 * request attribute (visitor id, consent per purpose, visit session, region), and
 * {@link dev.cxp.visitor.CxpVisitorView}, its JSON shape.
 */
@NullMarked
package dev.cxp.visitor;

import org.jspecify.annotations.NullMarked;
