"""A PyTorch training loop that copies with non_blocking=True from pageable memory.

Shows: gpu-async-copy-pageable (tensor and DataLoader without pin_memory), gpu-copy-in-loop.
"""
import torch
from torch.utils.data import DataLoader, TensorDataset

device = torch.device("cuda")

features = torch.randn(100_000, 512)
labels = torch.randint(0, 10, (100_000,))
weights = torch.randn(512, 10)

loader = DataLoader(TensorDataset(features, labels), batch_size=256, shuffle=True)
pinned_loader = DataLoader(TensorDataset(features, labels), batch_size=256, pin_memory=True)

model = torch.nn.Linear(512, 10).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

for step in range(100):
    w = weights.to(device, non_blocking=True)      # the same tensor every step, from pageable memory
    for x, y in loader:
        x = x.to(device, non_blocking=True)        # DataLoader without pin_memory: pageable batches
        y = y.to(device, non_blocking=True)
        loss = torch.nn.functional.cross_entropy(model(x) @ w.T @ w, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

for x, y in pinned_loader:
    x = x.to(device, non_blocking=True)            # pinned batches: fine
