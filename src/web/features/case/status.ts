// A leaf module (no page code): the case lists import it without pulling in the case page.

/** The name of a case status (web.case.status.*): the case page and the case lists say the same. */
export const statusKey = (status: string) => `web.case.status.${status}`;
