// The PCSC module.
