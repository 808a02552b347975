"""Modules for bench/scripted-module (issue 12, one TorchScript call per record instead of 7 DJL ops).

Writes into OUT: for the default (21 f, [64,32,64]) and the 166-feature ([128,64,128]) autoencoder
shapes, random weights (seed 0): NAME.pt (torch.jit.script of nn.Sequential(Linear, ReLU, ...)),
NAME.w (the parameters as little-endian float32, weight then bias per layer, the order DJL's
Linear blocks hold them), NAME-fused.pt (the same weights, hidden layers as one
torch._addmm_activation each: addmm with the ReLU applied in its output), and, for the
breakdown, ident.pt (returns its input) and relu7.pt (seven torch.relu). Prints one JSON line:
the same networks in PyTorch eager from Python, one 1-row and one 8-row forward pass p50
(network only, inference_mode, one thread), for scale.
"""
import json
import sys
import time

import torch

torch.set_num_threads(1)
out = sys.argv[1]
SHAPES = {"default": (21, [64, 32, 64]), "wide": (166, [128, 64, 128])}


def mlp(n, hidden):
    layers, width = [], n
    for h in hidden:
        layers += [torch.nn.Linear(width, h), torch.nn.ReLU()]
        width = h
    layers.append(torch.nn.Linear(width, n))
    return torch.nn.Sequential(*layers).eval()


class AddmmRelu(torch.nn.Module):
    """One hidden layer as one op: addmm with the ReLU applied to its output."""

    def __init__(self, weight, bias):
        super().__init__()
        self.weight = torch.nn.Parameter(weight, requires_grad=False)
        self.bias = torch.nn.Parameter(bias, requires_grad=False)

    def forward(self, x):
        return torch._addmm_activation(self.bias, x, self.weight.t())


def fused(params):
    layers = [AddmmRelu(w, b) for w, b in zip(params[0:-2:2], params[1:-2:2])]
    last = torch.nn.Linear(params[-2].shape[1], params[-2].shape[0])
    last.weight, last.bias = torch.nn.Parameter(params[-2]), torch.nn.Parameter(params[-1])
    return torch.nn.Sequential(*layers, last).eval()


class Ident(torch.nn.Module):
    def forward(self, x):
        return x


class Relu7(torch.nn.Module):
    def forward(self, x):
        for _ in range(7):
            x = torch.relu(x)
        return x


def p50_us(f, x, n=20000):
    for _ in range(2000):
        f(x)
    t = []
    for _ in range(n):
        s = time.perf_counter_ns()
        f(x)
        t.append(time.perf_counter_ns() - s)
    t.sort()
    return t[len(t) // 2] / 1e3


torch.manual_seed(0)
report = {"torch": torch.__version__}
for name, (n, hidden) in SHAPES.items():
    m = mlp(n, hidden)
    params = [p.detach().clone() for p in m.parameters()]
    torch.jit.script(m).save(f"{out}/{name}.pt")
    torch.jit.script(fused(params)).save(f"{out}/{name}-fused.pt")
    with open(f"{out}/{name}.w", "wb") as f:
        for p in params:
            f.write(p.numpy().astype("<f4").tobytes())
    with torch.inference_mode():
        report[name] = {"eager_1_row_p50_us": p50_us(m, torch.randn(1, n)),
                        "eager_8_rows_p50_us": p50_us(m, torch.randn(8, n))}
torch.jit.script(Ident()).save(f"{out}/ident.pt")
torch.jit.script(Relu7()).save(f"{out}/relu7.pt")
print(json.dumps(report))
