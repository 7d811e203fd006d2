export const CasesPage = () => null;
