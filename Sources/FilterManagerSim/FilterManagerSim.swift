// The FilterManagerSim module.
