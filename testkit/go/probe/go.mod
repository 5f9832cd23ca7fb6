module gatewire.io/testkit/probe

go 1.24.0
