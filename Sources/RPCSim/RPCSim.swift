// The RPCSim module.
