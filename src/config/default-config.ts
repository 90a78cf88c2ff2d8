/** The config file read from the working directory when `--config` is not given. */
export const DEFAULT_CONFIG = 'salesmetrics.config.yaml';
