// The APDUScript module.
