#include "stallprobe.h"
