export const CasePage = () => null;
