/**
 * Recognition of initiatives (sáng kiến) as Nghị định 13/2012/NĐ-CP and Thông tư 18/2013/TT-BKHCN ask: the
 * application attached to an idea (co-authors and their shares, description parts some of which are
 * confidential), the intake register with its receipt and decision clock, the link to an evaluation
 * council, the recognition decision with its reach or the refusal, certificates per co-author, priority
 * between two filings of the same solution, the council's meeting (who was present) for the minutes, and the
 * optional remuneration with each office's switch for it. Public surface:
 * {@link vn.ideabank.initiative.InitiativeService}, {@link vn.ideabank.initiative.InitiativeProcedure},
 * {@link vn.ideabank.initiative.InitiativeMeeting}, {@link vn.ideabank.initiative.InitiativeSettings},
 * {@link vn.ideabank.initiative.InitiativeDocuments}, {@link vn.ideabank.initiative.InitiativeExports},
 * {@link vn.ideabank.initiative.InitiativeTodo}, the records of {@link vn.ideabank.initiative.InitiativeViews}
 * and {@link vn.ideabank.initiative.InitiativeCommands}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Initiatives", allowedDependencies = { "common", "idea",
		"org", "review", "search" })
package vn.ideabank.initiative;
