"""The 50-20e routing slip workflow: filing, rights, approval, routing and batch printing."""
