export const NewCasePage = () => null;
