export const ExplorerPage = () => null;
