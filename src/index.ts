export const handler = () => 1; export const applyWorker = () => 1;
